/// GET /static/app.css: the pages' one stylesheet. Fonts as the HTML report
/// names them (Chinese fonts included); nothing loaded from the network.
enum PageStyle {
    static let css = """
        :root {
          color-scheme: light;
          --text: #1b1f24; --muted: #4b5563; --line: #d0d7de; --soft: #f6f8fa; --blue: #1d4ed8; --blue-dark: #1e3a8a;
          --red: #b91c1c; --amber: #b45309; --green: #047857;
          --mono: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace;
        }
        * { box-sizing: border-box; }
        html { font-size: 15px; }
        body { margin: 0; color: var(--text); background: #fff; line-height: 1.45;
               font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC",
                 "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
        a { color: var(--blue); }
        code { font-family: var(--mono); font-size: .88em; }
        [hidden] { display: none !important; }

        /* Header */
        header.top { border-bottom: 1px solid var(--line); background: var(--soft); }
        .top-inner { max-width: 82rem; margin: 0 auto; padding: .55rem 1.25rem; display: flex; align-items: center; gap: 1.25rem;
                     flex-wrap: wrap; }
        .brand { display: flex; flex-direction: column; text-decoration: none; color: var(--text); line-height: 1.15; }
        .brand-name { font-weight: 700; font-size: 1.15rem; }
        .tagline { font-size: .78rem; color: var(--muted); }
        nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .15rem; }
        nav a { display: block; padding: .35rem .65rem; border-radius: 6px; text-decoration: none; color: var(--text); }
        nav a:hover { background: #e5e7eb; }
        nav a[aria-current="page"] { background: var(--blue); color: #fff; }
        .lang-switch { margin-left: auto; display: flex; align-items: center; gap: .25rem; color: var(--muted); }
        .lang-switch button { font: inherit; border: 1px solid transparent; background: none; padding: .25rem .5rem; border-radius: 6px;
                              cursor: pointer; color: var(--blue); }
        .lang-switch button[aria-pressed="true"] { border-color: var(--line); background: #fff; color: var(--text); font-weight: 600;
                                                   cursor: default; }

        main { max-width: 82rem; margin: 0 auto; padding: 1.25rem 1.25rem 2.5rem; }
        footer { max-width: 82rem; margin: 0 auto; padding: 0 1.25rem 1.5rem; color: var(--muted); font-size: .82rem; }
        h1 { font-size: 1.55rem; margin: 0; }
        h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; }
        .panel h2 { margin-top: 0; }
        .page-head { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; margin-bottom: .75rem; }
        .page-head h1 code { font-size: .85em; }
        .page-head .button { margin-left: auto; }
        .sep { color: #9ca3af; font-weight: 400; }
        .intro { color: var(--muted); margin: 0 0 1rem; max-width: 52rem; }
        .muted { color: var(--muted); }
        .hint { display: block; color: var(--muted); font-size: .8rem; margin-top: .2rem; }
        .hint code.key { color: #374151; }
        .notice { border-left: 4px solid var(--blue); background: #eff6ff; padding: .5rem .75rem; margin: .75rem 0; }
        .notice.warning { border-left-color: var(--amber); background: #fffbeb; }
        .empty { color: var(--muted); }
        .wide { overflow-x: auto; }

        /* Buttons and fields */
        .button { display: inline-block; font: inherit; padding: .45rem .95rem; border-radius: 6px; border: 1px solid var(--line);
                  background: #fff; color: var(--text); text-decoration: none; cursor: pointer; }
        .button:hover { background: var(--soft); }
        .button.primary { background: var(--blue); border-color: var(--blue); color: #fff; font-weight: 600; }
        .button.primary:hover { background: var(--blue-dark); }
        .button.danger { color: var(--red); border-color: #fca5a5; }
        .button.danger:hover { background: #fef2f2; }
        .button.small { padding: .2rem .55rem; font-size: .85rem; }
        .button.big { padding: .6rem 1.6rem; font-size: 1.05rem; }
        .button:disabled { opacity: .6; cursor: progress; }
        label { display: block; font-weight: 600; font-size: .88rem; margin-bottom: .2rem; }
        label.sub { font-weight: 400; margin-top: .5rem; }
        input[type="text"], input[type="password"], select, textarea {
          font: inherit; width: 100%; padding: .38rem .5rem; border: 1px solid #9ca3af; border-radius: 5px; background: #fff; color: var(--text); }
        input[type="file"] { font: inherit; font-size: .85rem; max-width: 100%; }
        input:focus, select:focus, textarea:focus { outline: 2px solid #93c5fd; outline-offset: 0; border-color: var(--blue); }
        input[aria-invalid="true"] { border-color: var(--red); background: #fef2f2; }
        select { max-width: 100%; }
        textarea.mono { font-family: var(--mono); font-size: .85rem; }
        .field { margin-bottom: .8rem; min-width: 0; }
        .field.span { grid-column: 1 / -1; }
        .file-pick { display: flex; align-items: center; gap: .5rem; position: relative; }
        .file-pick label { font-weight: 400; margin: 0; }
        .file-input { position: absolute; width: 1px; height: 1px; opacity: 0; overflow: hidden; clip: rect(0 0 0 0); }
        .file-input:focus-visible + label { outline: 2px solid #93c5fd; }
        .file-name { color: var(--muted); font-size: .85rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

        /* Runs */
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        table.runs, table.data { width: 100%; font-size: .92rem; }
        table.data { width: auto; min-width: 50%; }
        th, td { padding: .4rem .6rem; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
        th { border-bottom: 2px solid #9ca3af; font-weight: 600; white-space: nowrap; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        table.runs tbody tr:hover { background: var(--soft); }
        .status { display: inline-block; padding: .08rem .5rem; border-radius: 999px; font-size: .82rem; font-weight: 600;
                  background: #e5e7eb; color: #374151; white-space: nowrap; }
        .status-running { background: #dbeafe; color: var(--blue-dark); }
        .status-queued { background: #f3f4f6; color: #374151; }
        .status-done { background: #d1fae5; color: #065f46; }
        .status-failed { background: #fee2e2; color: #991b1b; }
        .status-cancelled, .status-interrupted { background: #fef3c7; color: #92400e; }
        .empty-title { font-size: 1.1rem; color: var(--text); margin-bottom: .25rem; }
        div.empty { border: 1px dashed var(--line); border-radius: 8px; padding: 1.5rem; text-align: center; }

        /* New run */
        .new-grid { display: grid; grid-template-columns: minmax(0, 29rem) minmax(0, 1fr); gap: 1.25rem; align-items: start; }
        @media (max-width: 62rem) { .new-grid { grid-template-columns: minmax(0, 1fr); } }
        .panel { border: 1px solid var(--line); border-radius: 8px; padding: .9rem 1rem .4rem; margin-bottom: 1rem; background: #fff; }
        .fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 .9rem; }
        /* Label, input and hint of the fields side by side on one line each, however long a label. */
        .fields .field { display: grid; grid-row: span 3; grid-template-rows: subgrid; row-gap: 0; align-content: start; }
        .fields .field label { align-self: end; }
        .choices { display: flex; flex-wrap: wrap; gap: .3rem .9rem; margin-top: .35rem; font-size: .88rem; }
        .choices label { font-weight: 400; display: inline-flex; align-items: center; gap: .3rem; margin: 0; }
        .submit-bar { padding: .2rem 0 .6rem;
                      display: flex; flex-direction: column; gap: .5rem; align-items: flex-start; }
        .form-error { color: var(--red); border: 1px solid #fca5a5; background: #fef2f2; border-radius: 6px; padding: .45rem .7rem; margin: 0;
                      white-space: pre-wrap; width: 100%; }
        .editor-panel { position: sticky; top: .5rem; }
        .editor-bar { display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; margin-bottom: .45rem; font-size: .88rem; }
        .editor-bar label { margin: 0; }
        .editor-bar select { width: auto; }
        .editor-source { color: var(--muted); font-family: var(--mono); font-size: .82rem; }
        .edited { color: var(--amber); font-weight: 600; }
        .editor { display: flex; border: 1px solid #9ca3af; border-radius: 5px; height: 34rem; overflow: hidden; background: #fff; }
        .editor:focus-within { outline: 2px solid #93c5fd; border-color: var(--blue); }
        .gutter { flex: none; min-width: 3.4rem; padding: .5rem 0 3rem; overflow: hidden; background: var(--soft); border-right: 1px solid var(--line);
                  font-family: var(--mono); font-size: 13px; line-height: 20px; color: #6b7280; text-align: right; user-select: none; }
        .gutter div { padding: 0 .45rem 0 .9rem; height: 20px; white-space: nowrap; position: relative; }
        .gutter div.error { background: #fee2e2; color: var(--red); font-weight: 700; }
        .gutter div.warning { background: #fef3c7; color: var(--amber); font-weight: 700; }
        .gutter div.error::before, .gutter div.warning::before { content: "●"; position: absolute; left: .2rem; font-size: 10px; }
        #editor { flex: 1; border: 0; border-radius: 0; outline: none; resize: none; height: 100%; padding: .5rem .6rem; margin: 0;
                  font-family: var(--mono); font-size: 13px; line-height: 20px; white-space: pre; overflow: auto; tab-size: 2; }
        .validation { margin: .45rem 0 .25rem; font-size: .88rem; }
        .validation.ok { color: var(--green); }
        .validation.problems { color: var(--red); font-weight: 600; }
        .diagnostics { list-style: none; margin: 0 0 .6rem; padding: 0; font-size: .86rem; max-height: 14rem; overflow-y: auto; }
        .diagnostics li { padding: .3rem .5rem; border-left: 4px solid var(--red); background: #fef2f2; margin-bottom: .25rem; cursor: pointer; }
        .diagnostics li.warning { border-left-color: var(--amber); background: #fffbeb; }
        .diagnostics li.hint { border-left-color: var(--blue); background: #eff6ff; }
        .diagnostics .where { font-weight: 600; margin-right: .4rem; }
        .diagnostics code { color: #374151; margin-right: .4rem; }

        /* A run */
        .facts { display: flex; flex-wrap: wrap; gap: .3rem 1.6rem; margin: 0 0 1rem; font-size: .9rem; }
        .facts div { display: flex; gap: .4rem; }
        .facts dt { color: var(--muted); }
        .facts dd { margin: 0; }
        .live { max-width: 46rem; }
        progress { width: 100%; height: 1.1rem; margin: .3rem 0 .2rem; accent-color: var(--blue); }
        .progress-numbers { margin: .2rem 0; font-variant-numeric: tabular-nums; }
        .progress-estimate { margin: .2rem 0 .8rem; font-variant-numeric: tabular-nums; }
        .live .button { margin-bottom: .6rem; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; margin: .5rem 0 1rem; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: .65rem .85rem; }
        .card.key { border: 2px solid var(--blue); }
        .card .label { font-size: .85rem; color: #374151; }
        .card .value { font-size: 1.6rem; font-weight: 650; margin: .15rem 0; font-variant-numeric: tabular-nums; }
        .card.key .value { font-size: 2.1rem; color: var(--blue-dark); }
        .card .note { font-size: .82rem; color: var(--muted); }
        .report-open { margin: 0 0 .4rem; font-size: .9rem; }
        .report-frame { width: 100%; height: 80vh; min-height: 40rem; border: 1px solid var(--line); border-radius: 8px; display: block; }
        .error-text { white-space: pre-wrap; color: var(--red); font-family: var(--mono); font-size: .9rem; }
        .failed { border-color: #fca5a5; }
        .downloads { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(19rem, 1fr));
                     gap: .35rem 1.25rem; }
        .downloads li { padding: .3rem 0; border-bottom: 1px solid #f0f0f0; }
        .downloads li code { color: var(--muted); margin-left: .35rem; }

        /* Login */
        .login { max-width: 26rem; margin: 3rem auto; padding: 1.25rem 1.4rem; }
        .login h1 { margin-bottom: .5rem; }
        .login .form-error { margin-bottom: .8rem; }
        .login .button { margin: .3rem 0 .9rem; }

        @media print {
          header.top, footer, .submit-bar, #cancel, .lang-switch { display: none; }
          .report-frame { height: auto; }
        }

        """
}
