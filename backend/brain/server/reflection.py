"""Server reflection (grpcurl list and describe), with method names resolved too.

grpcio-reflection finds a symbol's file through the descriptor pool, and Python's pool does not know method
names (grpc/grpc#34743): `grpcurl describe aivo.brain.v1.BrainService.AnalyzeFocus` answered "Symbol not found".
"""

import grpc
from google.protobuf import descriptor_pool
from google.protobuf.descriptor import FileDescriptor
from grpc_reflection.v1alpha import reflection


class _MethodAwarePool:
    """The default pool, except that Package.Service.Method resolves to the service's file."""

    def __init__(self, pool: descriptor_pool.DescriptorPool) -> None:
        self._pool = pool

    def __getattr__(self, name: str):
        return getattr(self._pool, name)

    def FindFileContainingSymbol(self, symbol: str) -> FileDescriptor:
        try:
            return self._pool.FindFileContainingSymbol(symbol)
        except KeyError:
            service_name, _, method_name = symbol.rpartition(".")
            service = self._pool.FindServiceByName(service_name)
            if method_name not in service.methods_by_name:
                raise
            return service.file


def enable_reflection(server: grpc.aio.Server, service_names: tuple[str, ...]) -> None:
    """Serves reflection for service_names and the reflection service itself."""
    reflection.enable_server_reflection(
        (*service_names, reflection.SERVICE_NAME), server, pool=_MethodAwarePool(descriptor_pool.Default())
    )
