"""A post's photos: the panel, its cards and the controller that imports and edits them."""
