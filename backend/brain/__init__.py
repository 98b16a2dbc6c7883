"""The AIVO brain: speech analysis, ML inference, focus analytics and federated learning over gRPC."""

__version__ = "0.1.0"
