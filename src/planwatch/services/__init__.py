"""Application services: one function per operation, called by every surface."""
