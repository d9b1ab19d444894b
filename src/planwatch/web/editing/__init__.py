"""Changing the plan's data: indicators, targets, observations and their validation rules.

Every change goes through ``services`` (permission, validation, optimistic
locking, history with its user and reason, one transaction).
"""
