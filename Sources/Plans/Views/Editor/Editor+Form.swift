import Core
import Plot

/// The editor uses Core's form pieces under its own names.
extension Editor {
    public typealias FieldSpec = Forms.FieldSpec
    public typealias Choice = Forms.Choice
    public typealias FormState = Forms.FormState
    public typealias FormView = Forms.FormView

    static func fields(_ specs: [FieldSpec], state: FormState, idPrefix: String = "") -> Node<HTML.FormContext> {
        Forms.fields(specs, state: state, idPrefix: idPrefix)
    }

    static func messages(error: String?, notice: String?) -> Node<HTML.BodyContext> { Forms.messages(error: error, notice: notice) }
}
