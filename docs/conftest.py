"""pytest in docs/: collect the pages' doctests (``*.md``), not Sphinx's own files.

``conf.py`` and ``_ext/`` import Sphinx, which the test run must not (its deprecation
warnings are errors under ``filterwarnings = error``); ``_build/`` is output.
"""

collect_ignore_glob = ["conf.py", "_ext/*", "_build/*"]
