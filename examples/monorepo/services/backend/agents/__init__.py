"""Agents: units of work the backend runs on behalf of a user.

Kept free of imports so that importing one agent module does not drag in the others.
"""
