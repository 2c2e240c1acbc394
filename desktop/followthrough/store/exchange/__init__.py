"""The JSON exchange format in the database (``domain.exchange`` says what the file
holds): ``exporting`` reads everything in one read transaction and writes the file;
``importing`` reads a file and writes its records in one IMMEDIATE transaction."""
