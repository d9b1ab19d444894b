"""`planwatch extract`: read a published report and print its statements."""
