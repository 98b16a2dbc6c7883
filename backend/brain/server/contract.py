"""What the server needs to know about the BrainService contract, read from its descriptors."""

from google.protobuf.descriptor import MethodDescriptor

from aivo.brain.v1 import brain_service_pb2

BRAIN_SERVICE = brain_service_pb2.DESCRIPTOR.services_by_name["BrainService"]
BRAIN_METHOD_PREFIX = f"/{BRAIN_SERVICE.full_name}/"


def method_path(method: MethodDescriptor) -> str:
    """The method's path on the wire, as interceptors see it: /aivo.brain.v1.BrainService/AnalyzeFocus."""
    return BRAIN_METHOD_PREFIX + method.name


# The ML endpoints, which have their own rate limit: the RPCs whose request is defined in ml.proto.
ML_METHODS = frozenset(
    method_path(method) for method in BRAIN_SERVICE.methods if method.input_type.file.name == "aivo/brain/v1/ml.proto"
)
