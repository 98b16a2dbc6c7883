"""Federated learning: rounds per model, validated client updates, robust and private aggregation.

Plain Python over numpy and the brain's SQL database; no transport. aggregate.py holds the maths, strategies.py
the policies over it, service.py the rounds.
"""
