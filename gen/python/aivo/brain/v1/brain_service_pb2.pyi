from aivo.brain.v1 import analytics_pb2 as _analytics_pb2
from aivo.brain.v1 import federated_pb2 as _federated_pb2
from aivo.brain.v1 import ml_pb2 as _ml_pb2
from aivo.brain.v1 import options_pb2 as _options_pb2
from aivo.brain.v1 import speech_pb2 as _speech_pb2
from aivo.brain.v1 import status_pb2 as _status_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor
