/// Model of `MessageTemplate`.
struct MessageModel {
    let title: String
    let message: String
    let link: PageLink?
}
