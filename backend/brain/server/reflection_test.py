from google.protobuf import descriptor_pb2
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc


async def file_names_for(brain, symbol: str) -> list[str]:
    reflection = reflection_pb2_grpc.ServerReflectionStub(brain.channel)
    request = reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol)
    [answer] = [a async for a in reflection.ServerReflectionInfo(iter([request]))]
    return [
        descriptor_pb2.FileDescriptorProto.FromString(raw).name
        for raw in answer.file_descriptor_response.file_descriptor_proto
    ]


async def test_a_method_resolves_to_its_services_file_as_grpcurl_describe_needs(brain):
    names = await file_names_for(brain, "aivo.brain.v1.BrainService.AnalyzeFocus")

    assert names[0] == "aivo/brain/v1/brain_service.proto"


async def test_a_message_still_resolves_to_its_own_file(brain):
    names = await file_names_for(brain, "aivo.brain.v1.FocusSession")

    assert names[0] == "aivo/brain/v1/analytics.proto"


async def test_an_unknown_method_of_a_known_service_is_not_found(brain):
    reflection = reflection_pb2_grpc.ServerReflectionStub(brain.channel)
    request = reflection_pb2.ServerReflectionRequest(file_containing_symbol="aivo.brain.v1.BrainService.Nope")

    [answer] = [a async for a in reflection.ServerReflectionInfo(iter([request]))]

    assert answer.error_response.error_code == 5  # NOT_FOUND
