"""RPCs of domains not built yet answer UNIMPLEMENTED, naming what is missing, instead of a canned result."""

import grpc
from google.protobuf.descriptor import MethodDescriptor

from brain.server.contract import BRAIN_SERVICE

# What each contract file's RPCs need, by the file that defines their requests. An entry goes when its domain
# lands: speech in issue 3, ML inference (RunInference too) in issue 4, federated learning in issue 5.
NOT_BUILT = {
}


def answer_unimplemented(servicer_class: type) -> type:
    """Class decorator: gives the servicer every BrainService RPC it does not define, answering UNIMPLEMENTED.
    An RPC that is neither defined nor listed in NOT_BUILT is a KeyError at import, so none goes missing."""
    for method in BRAIN_SERVICE.methods:
        if method.name not in vars(servicer_class):
            setattr(servicer_class, method.name, _unimplemented(method, NOT_BUILT[method.input_type.file.name]))
    return servicer_class


def _unimplemented(method: MethodDescriptor, missing: str):
    message = f"{method.name} is not built yet: {missing} has not landed in the brain"

    async def answer(self, request, context: grpc.aio.ServicerContext):
        await context.abort(grpc.StatusCode.UNIMPLEMENTED, message)

    answer.__name__ = method.name
    return answer
