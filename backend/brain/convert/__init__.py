"""Conversions between protobuf messages and domain types, one module per domain."""
