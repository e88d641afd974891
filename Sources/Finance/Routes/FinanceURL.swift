import Core
import Organisation

/// Finance's pages and API: route patterns and links from the same constants.
public enum FinanceURL {
    public static let budgets = OrganisationURL.home.appending("budget")
    public static let budget = budgets.appending(":year")
    public static let fees = budget.appending("medlemsavgifter")
    public static let outcomes = budget.appending("utfall")
    /// For a Swedish spreadsheet (semicolons, decimal comma, byte-order mark).
    public static let budgetSheet = budget.appending("kalkylark")
    public static let feesSheet = fees.appending("kalkylark")
    /// Open data: RFC 4180 with comma and decimal point.
    public static let budgetCSV = OrganisationURL.openData.appending("budget", ":year")
    public static let feesCSV = OrganisationURL.openData.appending("medlemsavgifter", ":year")
    /// For the organisation's editors: the budgets, a proposal's form, the decision, next year's copy.
    public static let keep = budgets.appending("hantera")
    public static let create = keep.appending("ny")
    public static let edit = budget.appending("andra")
    public static let adopt = budget.appending("besluta")
    public static let copy = budget.appending("kopiera")
    public static let editFees = fees.appending("andra")
    /// Outcomes by the editors: a file from the books (SIE or CSV), a month typed in, a period's forecasts.
    public static let importOutcomes = outcomes.appending("importera")
    public static let typeOutcomes = outcomes.appending("registrera")
    public static let forecasts = outcomes.appending("prognos", ":month")
    public static let mapping = keep.appending("kontomappning")
    public static let lineGoals = budget.appending("malomraden")
    public static let outcomeSheet = outcomes.appending("kalkylark")
    public static let outcomeCSV = OrganisationURL.openData.appending("utfall", ":year")
    /// External funding: the public list and pages, the editors' forms, the exports.
    public static let fundings = budgets.appending("extern-finansiering")
    public static let funding = fundings.appending(":funding")
    public static let fundingsSheet = budgets.appending("extern-finansiering-kalkylark")
    public static let fundingsCSV = OrganisationURL.openData.appending("extern-finansiering")
    public static let keepFundings = keep.appending("finansiering")
    public static let newFunding = keepFundings.appending("ny")
    public static let editFunding = keepFundings.appending(":funding")
    public static let removeFunding = editFunding.appending("ta-bort")

    public enum API {
        public static let budgets = OrganisationURL.API.organisation.appending("budgets")
        public static let budget = budgets.appending(":year")
        public static let fees = budget.appending("fees")
        public static let adoption = budget.appending("adoption")
        public static let outcomes = budget.appending("outcomes")
        public static let forecasts = budget.appending("forecasts")
        public static let financing = budget.appending("financing")
        public static let mapping = OrganisationURL.API.organisation.appending("outcome-mapping")
        public static let goalAreas = budget.appending("goal-areas")
        public static let fundings = OrganisationURL.API.organisation.appending("fundings")
        public static let funding = fundings.appending(":funding")
    }
}
