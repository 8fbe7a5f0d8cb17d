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
