"""The question's form: two kinds of thing asked together ("which governments and organisations");
the conversational shell, wordy preambles and asides, background clauses, several sentences,
keyword word order (a question word that is an organisation's acronym beside another name stays
that name), typos in question words (a misspelt plural stays plural), symbol shorthand ("# of",
"w/", "no. of"); the writer's frame peeled off first (a request around the question, the answer
noun put first, a sign-off, an aside between dashes or brackets, a bare "what was it?" after the
thing asked).

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""


def as_sentence_start(text: str) -> str:
    """``text`` made the start of the question: its first letter capitalised, unless the whole text
    is typed in lower case.  Why: a question typed all in lower case reads its lower-case acronyms
    as names ("did the eu finance"); capitalising the first word of what is left once a request
    lead-in is dropped ("I'd like to know how many ... did the eu finance") lost the EU.  (The
    asides readings capitalise as before: what they leave is read with the names they keep.)"""
    return text if text == text.lower() else text[:1].upper() + text[1:]
