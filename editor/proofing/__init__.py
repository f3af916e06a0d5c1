"""Proofing: spelling in the writer's languages, word lists and house-style checks.

Qt-free: the window (editor/ui/proofing), the CLI (``byline check``) and the publish checklist
all call the same :class:`~editor.proofing.checker.Proofreader`.
"""
