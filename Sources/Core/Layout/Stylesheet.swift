/// The one stylesheet, served from memory so the binary needs no public folder.
/// Colours meet WCAG 2.1 AA contrast (text ≥ 4.5:1) on their backgrounds.
public enum Stylesheet {
    public static let css = """
    :root { --ink: #1b1f24; --muted: #4a5360; --accent: #0b4f8a; --line: #d5dbe3; --paper: #ffffff; --tint: #f3f6f9; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); line-height: 1.55; }
    a { color: var(--accent); }
    a:focus-visible, main:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
    .skip-link { position: absolute; left: -9999px; top: 0; background: var(--paper); padding: .5rem 1rem; }
    .skip-link:focus { left: 1rem; z-index: 10; }
    .site-header { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: center; padding: .75rem 1.5rem; border-bottom: 1px solid var(--line); background: var(--tint); }
    .site-name { font-weight: 700; font-size: 1.25rem; text-decoration: none; color: var(--ink); }
    .site-header nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
    .menu-link, .footer-nav { display: none; }
    /* An indicator's chart is drawn at text size and shrinks only where the screen is narrower. */
    svg.indicator-chart { max-width: 100%; height: auto; display: block; }
    /* The chart breaks out of the reading column to be drawn at text size; phones get the outline. */
    .chart-wide { width: min(75rem, calc(100vw - 3rem)); position: relative; left: 50%; transform: translateX(-50%); }
    .chart-wide svg { width: 100%; height: auto; display: block; }
    .chart-wide svg a:focus rect, .chart-wide svg a:hover rect { fill: #e6eef7; stroke-width: 3; }
    .chart-outline { display: none; }
    figure { margin: 1rem 0; }
    .breadcrumbs { padding: .5rem 1rem; }
      main { padding: 1rem 1rem 3rem; }
    }
    .breadcrumbs { padding: .5rem 1.5rem; font-size: .9rem; }
    .breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; margin: 0; padding: 0; }
    .breadcrumbs li + li::before { content: "›"; padding: 0 .5rem; color: var(--muted); }
    main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    .site-footer { border-top: 1px solid var(--line); padding: 1rem 1.5rem; color: var(--muted); font-size: .9rem; }
    .meta { color: var(--muted); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    .goal-area { border-top: 3px solid var(--accent); margin-top: 2.5rem; padding-top: .5rem; }
    .level-label { display: block; text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: var(--muted); font-weight: 600; }
    .goal { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
    .activities li { margin: .3rem 0; }
    .sdg-list { list-style: none; padding: 0; display: grid; gap: .5rem; }
    .sdg-chip { display: inline-block; min-width: 2.2rem; text-align: center; font-weight: 700; border: 2px solid var(--ink); border-radius: .3rem; padding: 0 .3rem; margin-right: .4rem; }
    .role { font-weight: 600; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-weight: 600; padding: .25rem 0; }
    th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    .served { font-weight: 600; }
    form .field { margin: .75rem 0; display: flex; flex-direction: column; max-width: 24rem; }
    form label { font-weight: 600; margin-bottom: .25rem; }
    form .field.checkbox { flex-direction: row; align-items: center; gap: .5rem; }
    form .field.checkbox label { font-weight: 400; margin: 0; }
    form .field.checkbox.invalid { flex-wrap: wrap; }
    form .field.checkbox .field-error { flex-basis: 100%; }
    .hint { color: var(--muted); font-size: .95rem; }
    .account-bar { font-size: .9rem; margin-top: .35rem; }
    .account-bar form.inline { margin-left: 0; }
    .field-error { color: #9b1c1c; font-weight: 600; margin: .25rem 0 0; }
    form .field.invalid input { border: 2px solid #9b1c1c; }
    .draft-banner { border: 2px dashed #8a5a00; background: #fff6e0; padding: .5rem .75rem; }
    form input { font: inherit; padding: .4rem .5rem; border: 1px solid #5f6b7a; border-radius: .25rem; }
    form button { font: inherit; padding: .45rem 1rem; background: var(--accent); color: #fff; border: 0; border-radius: .25rem; cursor: pointer; }
    fieldset.checks { border: 1px solid var(--line); margin: .75rem 0; }
    fieldset.checks .check-list { max-height: 15rem; overflow-y: auto; }
    fieldset.checks .check { display: flex; gap: .4rem; align-items: baseline; }
    fieldset.checks .check label { font-weight: 400; }
    form.inline { display: inline; margin-left: .35rem; }
    form button.small { padding: .1rem .55rem; font-size: .9rem; min-width: 2rem; }
    form textarea, form select { font: inherit; padding: .4rem .5rem; border: 1px solid #5f6b7a; border-radius: .25rem; }
    form .field.wide { max-width: none; }
    form .field.invalid textarea, form .field.invalid select, fieldset.invalid { border: 2px solid #9b1c1c; }
    form .field .hint { margin: 0 0 .25rem; }
    form button.secondary { background: var(--paper); color: var(--accent); border: 2px solid var(--accent); }
    form button.danger { background: #9b1c1c; }
    .actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 1rem 0; }
    .actions form.inline { margin-left: 0; }
    .toolbar ul { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: .5rem 0; margin: 0; border-bottom: 1px solid var(--line); }
    form.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; margin: .5rem 0 1rem; }
    form.filters .field { margin: .25rem 0; min-width: 10rem; flex: 1 1 10rem; }
    form.filters button { margin: .25rem 0; }
    ul.tree, ul.tree ul { list-style: none; padding-left: 1.1rem; }
    ul.tree { padding-left: 0; }
    ul.tree li { margin: .35rem 0; }
    ul.tree .level-label { display: inline; margin-right: .4rem; }
    .section-list li { margin: .3rem 0; }
    nav.toc ol { list-style: none; padding-left: 0; }
    nav.toc ol ol { padding-left: 1.1rem; margin: .2rem 0 .4rem; }
    nav.toc li { margin: .25rem 0; }
    ul.sdg-inline { margin: 1rem 0 .25rem; padding: 0; }
    .picker-search { display: flex; flex-direction: column; margin: .25rem 0 .5rem; max-width: 24rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    del { background: #fde2e1; color: #7a1410; text-decoration: line-through; }
    ins { background: #dff3e4; color: #14502a; text-decoration: underline; }
    dl.diff { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr; gap: .25rem 1rem; }
    dl.diff dt { font-weight: 600; }
    dl.diff dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    article.change { border-top: 1px solid var(--line); padding: .25rem 0 .75rem; }
    article.change h3 { font-size: 1.05rem; margin: .5rem 0; }
    .paging { display: flex; gap: 1.5rem; margin: 1rem 0; }
    /* Shadows at the edges say there is more to scroll to (they scroll with the content's ends). */
    /* Positioned, so that what is positioned inside (visually hidden text) scrolls with it instead of widening the page. */
    .table-scroll, .chart-scroll { position: relative; }
    .chart-scroll { overflow-x: auto; margin: 1rem 0; }
    .table-scroll { overflow-x: auto; margin: 1rem 0;
      background: linear-gradient(to right, var(--paper) 30%, rgba(255,255,255,0)), linear-gradient(to left, var(--paper) 30%, rgba(255,255,255,0)) 100% 0,
        radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.25), rgba(0,0,0,0)), radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.25), rgba(0,0,0,0)) 100% 0;
      background-repeat: no-repeat; background-size: 40px 100%, 40px 100%, 14px 100%, 14px 100%; background-attachment: local, local, scroll, scroll; }
    .table-scroll:focus-visible, .chart-scroll:focus-visible { outline: 3px solid #c25e00; }
    /* Money: amounts line up on the right in tabular figures; sums and results stand out by weight, not colour. */
    td.amount, th.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    tr.sum th, tr.sum td, tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--line); }
    tr.group th { padding-top: 1rem; }
    fieldset.budget-grid { min-width: 0; }
    .budget-grid input { max-width: 100%; }
    tr.invalid input, tr.invalid select { border: 2px solid #b3261e; }
    dl.facts dd { overflow-wrap: anywhere; }
    @media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } }
    .pre { white-space: pre-wrap; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--tint); padding: .75rem; border-radius: .25rem; font-size: .9rem; }
    main h1 .level-label { display: block; }
    main h1, main h2, main h3 { overflow-wrap: anywhere; hyphens: auto; }
    main { overflow-wrap: break-word; }
    form select { max-width: 100%; }
    .cell-label { display: none; font-weight: 600; }
    ul.plain { list-style: none; padding: 0; margin: 0; }
    ul.columns { columns: 12rem; padding-left: 1.2rem; }
    .lead { border-left: 4px solid var(--accent); padding-left: 1rem; margin: 1.5rem 0; }
    @media (max-width: 40rem) {
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
      table.stack tr { border-bottom: 2px solid var(--line); padding: .5rem 0; }
      table.stack td { border: 0; padding: .15rem 0; }
      table.stack .cell-label { display: inline; }
    }
    /* Dashboards: a wider column for their tables; a legend of marks; periods as tabs. */
    main:has(> article.wide) { max-width: 75rem; }
    .number { text-align: right; font-variant-numeric: tabular-nums; }
    ul.status-legend { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: .5rem 0; }
    .legend-swatch { display: inline-block; min-width: 1.8rem; text-align: center; border: 1px solid #4a5360; margin-right: .35rem; }
    nav.period-nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; list-style: none; padding: 0 0 .4rem; margin: 1rem 0; border-bottom: 1px solid var(--line); }
    .example-mark { border: 2px dashed #8a5a00; background: #fff6e0; padding: .5rem .75rem; }
    .verdict { font-weight: 600; }
    .roll-up { color: var(--muted); }
    .reported { color: var(--muted); }
    .progress-notice { border-left: 4px solid var(--accent); padding: .25rem .75rem; background: var(--tint); }
    .button-link { display: inline-block; padding: .45rem 1rem; border: 2px solid var(--accent); border-radius: .25rem; font-weight: 600; text-decoration: none; }
    @media (max-width: 40rem) { table.stack td.number { text-align: left; } table.stack svg { max-width: 100%; height: auto; } }
    .form-error { border-left: 4px solid #b3261e; padding: .5rem .75rem; background: #fdecea; }
    .form-ok { border-left: 4px solid #1e6b35; padding: .5rem .75rem; background: #e8f5ec; }
    @media (max-width: 40rem) {
      .site-header { gap: .5rem 1rem; padding: .6rem 1rem; }
      .site-header nav.site-nav { display: none; }
      .menu-link { display: inline-block; margin-left: auto; font-weight: 600; padding: .35rem .75rem; border: 2px solid var(--accent); border-radius: .25rem; text-decoration: none; }
      .footer-nav { display: block; margin-bottom: 1rem; }
      .chart-wide { display: none; }
      main h1 { font-size: 1.6rem; line-height: 1.25; }
      main h2 { font-size: 1.3rem; }
      .chart-outline { display: block; }
      .footer-nav ul { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
      .footer-nav a { display: block; padding: .4rem 0; font-size: 1.05rem; }
      @media print {
      .site-header nav, .breadcrumbs, .skip-link, .site-footer { display: none; }
      body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      .goal-area { break-before: page; border-top: none; }
      h1, h2, h3 { break-after: avoid; }
    }
    """
}
