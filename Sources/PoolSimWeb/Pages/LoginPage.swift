import PoolSimText

/// GET /login — the token form; it posts `token=…` as a form, the server sets the cookie.
enum LoginPage {
    static func render(language: Language, failed: Bool) -> String {
        let text = PageText(language: language)
        var main = "<section class=\"panel login\">\n<h1>\(text(.loginTitle))</h1>\n"
        main += "<p>\(text(.loginPrompt))</p>\n"
        if failed { main += "<p class=\"form-error\" id=\"login-failed\" role=\"alert\">\(text(.loginFailed))</p>\n" }
        main += "<form method=\"post\" action=\"/login\" enctype=\"application/x-www-form-urlencoded\" id=\"login-form\">\n"
        main += "<div class=\"field\">\n<label for=\"token\">\(text(.loginToken))</label>\n"
        main += "<input type=\"password\" id=\"token\" name=\"token\" required autocomplete=\"current-password\" "
            + "autofocus spellcheck=\"false\"\(failed ? " aria-invalid=\"true\"" : "")>\n</div>\n"
        main += "<button type=\"submit\" class=\"button primary\" id=\"submit\">\(text(.loginSubmit))</button>\n"
        main += "</form>\n</section>\n"
        return Layout.page(title: WebText.loginTitle.text(language), section: .none, language: language, main: main)
    }
}
