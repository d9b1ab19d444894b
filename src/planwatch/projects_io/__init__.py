"""Files in and out of the project register: the clerks' Excel workbook and the lag notice.

These modules parse into core objects and validate through core functions;
no rule of the domain lives here.
"""
