"""Topics and answers written in text: every country the report writes about a topic (everyday words
first rewritten into the field's terms: "jobless" → unemployment), the report's thematic sections,
names and phrases read out of a sentence (the report's author only when the sentence lists it
among them), "which country entries mention X"; the country items of a section named by its title
("the most significant results"); a topical question whose graph answer is the whole priority-
country scope, asked again without the scope's words.

One mechanism per module, each named for what it recognises. The README's module map ("How
questions are answered") lists this package's modules; tests/test_module_map.py keeps it complete.
"""
