import Commerce
import Testing

@Suite("Page slugs")
struct PageSlugTests {
    @Test(arguments: ["market-day", "a", "shop2", "2026-fair", String(repeating: "a", count: 64)])
    func validSlugs(slug: String) { #expect(Page.isValidSlug(slug)) }

    @Test(arguments: ["", "-lead", "Upper", "with space", "under_score", "ünï", "a/b", String(repeating: "a", count: 65)])
    func invalidSlugs(slug: String) { #expect(!Page.isValidSlug(slug)) }
}
