"""The gRPC shell around the domains: server, servicer, interceptors and worker processes."""
