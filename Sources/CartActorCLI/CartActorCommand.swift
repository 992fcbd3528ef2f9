import ArgumentParser

/// `cart-actor`: the shopping cart, checkout and order service of a cooperative's website.
@main
struct CartActorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart-actor",
        abstract: "The cooperative's cart, checkout and order service, as an ActivityPub actor.",
        discussion: "Every setting is a flag with an environment twin (CART_*); see README.md.",
        subcommands: [DemoCommand.self, ServeCommand.self, MigrateCommand.self, KeysCommand.self,
                      PagesCommand.self, OrdersCommand.self, BenchCommand.self, DeliveriesCommand.self, PeersCommand.self]
    )
}
