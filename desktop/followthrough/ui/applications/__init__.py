"""Applications: the list and board, the application window, its forms."""
