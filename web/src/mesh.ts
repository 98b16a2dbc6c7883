// The mesh as the page sees it: generated clients over Connect-web, on the page's own origin (the
// server in front passes Connect paths to the gateway), authenticated by the session cookies.
import { createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { csrfHeader } from "./session.ts";

const transport = createConnectTransport({
  baseUrl: location.origin,
  // Audio travels as raw bytes rather than base64 in JSON.
  useBinaryFormat: true,
  interceptors: [csrfHeader],
});

export const brain = createClient(BrainService, transport);
