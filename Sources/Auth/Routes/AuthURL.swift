import Core

/// Auth's pages: route patterns and links from the same constants.
public enum AuthURL {
    public static let signIn = URLPattern("logga-in")
    public static let signOut = URLPattern("logga-ut")
    public static let account = URLPattern("konto")
    public static let changePassword = account.appending("losenord")
    public static let tokens = account.appending("nycklar")
    public static let revokeToken = tokens.appending(":token", "aterkalla")
}
