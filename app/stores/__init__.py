"""Storage seams: where the graph (``graph.py``) and the passage vectors (``vectors.py``) live.

Embedded by default (an on-disk Oxigraph store and FAISS in the data dir); an external SPARQL 1.1
store and Milvus when one machine is not enough.  ``app.runtime.Runtime`` picks one of each from
the ``Config``; nothing else constructs them.
"""
