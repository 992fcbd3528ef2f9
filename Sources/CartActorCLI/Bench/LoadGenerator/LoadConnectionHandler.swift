import NIOCore
import NIOHTTP1

/// Reads answers on one load connection and reports each whole one to its run.
final class LoadConnectionHandler<Source: LoadSource>: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let run: LoadRun<Source>
    private let connection: Int
    private var status = 0

    init(run: LoadRun<Source>, connection: Int) {
        self.run = run
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(head): status = Int(head.status.code)
        case .body: break
        case .end: run.answered(on: connection, status: status)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        run.failed(on: connection, LoadError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        run.failed(on: connection, error)
        context.close(promise: nil)
    }
}
