"""Qt only here: views, controllers, workers."""
