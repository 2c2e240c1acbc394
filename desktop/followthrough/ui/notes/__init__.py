"""Thank-you notes: the composer, spelling, sending and printing."""
