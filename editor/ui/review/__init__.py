"""Review in the window: Suggest mode, the suggestions list, and comparing versions."""
