import Vapor

/// A rule of a module refused a change. Every module's failures say the same four things, so the
/// error middleware (API: status and English; pages: the status's page) and the forms (the
/// Swedish text beside the field) handle them alike, without a list of the modules' types.
public protocol DomainFailure: Error, Sendable {
    /// The HTTP status the refusal answers with.
    var status: HTTPResponseStatus { get }
    /// For the API, the CLI and the log: what is wrong, naming the field or path where there is one.
    var english: String { get }
    /// For the page, beside the field.
    var swedish: String { get }
    /// The form field the refusal concerns, when one does. Required, not defaulted: a type with a
    /// stored `field` of another type would otherwise silently answer nil.
    var field: String? { get }
}
