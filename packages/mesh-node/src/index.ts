// @aivo/mesh-node: the plumbing every Node service of the mesh shares.
//
// Configuration   envReader(env).int/url/secret/... throw ConfigError naming the variable;
//                 loadConfig(service, load) logs that one line and exits 1.
// Logs            createLogger({ service, level }) is pino writing JSON lines; logCall writes a call.
// Metadata        Header names, readIdentity / identityHeaders to pass request, tenant and learner
//                 on, statusName(code) = "INVALID_ARGUMENT" style names.
// Request IDs     resolveRequestId(value) keeps, makes or refuses; requestIdInterceptor() applies it.
// Service tokens  serviceTokenMinter({ secret, issuer, audience }) caches and renews at half-life;
//                 verifyServiceToken; serviceTokenInterceptor (client side) and requireServiceToken
//                 (server side, health and reflection exempt).
// Interceptors    server side, outermost first (logging and metrics outermost, so refused calls
//                 are logged and counted too; they read the request ID when the call ends):
//                   [loggingInterceptor(logger), metricsInterceptor(metrics), requestIdInterceptor(),
//                    requireServiceToken(...), validationInterceptor(), maskInternalErrors(logger)]
//                 createCallMetrics(service) holds the Prometheus registry behind metricsRoute.
// Validation      validationInterceptor() refuses requests breaking their protovalidate rules with
//                 INVALID_ARGUMENT naming the field; checkMessage does it for one message.
// Health          new HealthStatus([...service names]); router.service(HealthService, healthService(status)).
// Reflection      router.service(ReflectionService, reflectionService([...every served DescService])).
// Descriptors     typeRegistry(services) for connectNodeAdapter's jsonOptions (Any fields in JSON).
// Redis           connectRedis(url, logger) for shared counters (no offline queue, so in-process
//                 ones stand in while it is away); whenSettled(redis, ms) before serving.
// Serving         listen(handler, { port, logger }) serves HTTP/1.1 and h2c on one port (0 = any free),
//                 logs {"msg":"listening","port":N}; close() drains. httpRoutes adds plain routes.
//                 unaryGrpc(specs, { interceptors }, next) answers unary binary gRPC calls straight on
//                 the HTTP/2 stream, with the same implementations and interceptors as Connect.
// gRPC timeouts   parseGrpcTimeout / formatGrpcTimeout read and write the grpc-timeout header.
export { ConfigError, envReader, loadConfig, type EnvReader } from "./env.js";
export { createLogger, LOG_LEVELS, type Logger, type LoggerOptions } from "./logger.js";
export { Header, identityHeaders, readIdentity, statusName, type CallIdentity } from "./metadata.js";
export { requestIdInterceptor, resolveRequestId } from "./request-id.js";
export {
  bearerToken,
  requireServiceToken,
  SERVICE_TOKEN_MIN_SECRET_LENGTH,
  serviceTokenInterceptor,
  serviceTokenMinter,
  verifyServiceToken,
  type RequireServiceTokenOptions,
  type ServiceTokenOptions,
} from "./service-token.js";
export { outcomeInterceptor, type CallOutcome } from "./call-outcome.js";
export { logCall, loggingInterceptor, type CallRecord } from "./logging.js";
export { createCallMetrics, LATENCY_BUCKETS_SECONDS, metricsInterceptor, type CallMetrics } from "./metrics.js";
export { maskInternalErrors } from "./errors.js";
export { checkMessage, validationInterceptor } from "./validation.js";
export { HealthService, healthService, HealthStatus, ServingStatus } from "./health.js";
export { ReflectionService, reflectionService, type ReflectionOptions } from "./reflection.js";
export { filesOf, typeRegistry } from "./descriptors.js";
export { listen, type Listening, type ListenOptions, type RequestHandler } from "./listen.js";
export { httpRoutes, metricsRoute, sendJson, type Route } from "./http-routes.js";
export { connectRedis, whenSettled, type Redis } from "./redis.js";
export { unaryGrpc, type UnaryGrpcOptions } from "./unary-grpc.js";
export { formatGrpcTimeout, parseGrpcTimeout } from "./grpc-timeout.js";
