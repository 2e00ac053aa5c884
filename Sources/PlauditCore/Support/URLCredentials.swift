import Foundation

/// Removes `user:password@` from URLs before they are hashed, logged or written anywhere.
public enum URLCredentials {
    /// `url` without a user or password; unparseable text is returned with anything between
    /// `://` and the last `@` of the authority cut out.
    public static func removing(from url: String) -> String {
        if var components = URLComponents(string: url), components.user != nil || components.password != nil {
            components.user = nil
            components.password = nil
            return components.string ?? url
        }
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return String(url[..<scheme.upperBound]) + String(rest[rest.index(after: at)...])
    }
}
