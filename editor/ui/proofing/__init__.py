"""Proofing in the window: red wavy underlines, suggestions, word lists and the Proofing panel."""
