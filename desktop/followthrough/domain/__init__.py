"""Pure rules of the job search: no Qt, no database. Plain data in, plain data out."""
