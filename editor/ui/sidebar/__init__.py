"""The blog's Recent posts sidebar and the Blogs dialog."""
