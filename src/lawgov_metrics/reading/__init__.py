"""Reading reports: source text, tables and the template of disclosure reports.

Modules:
    grids: generic table readers (HTML ``<table>`` and text tables) giving
        :class:`~lawgov_metrics.tables.Grid` records.
    html: page source to text, tables rendered as pipe rows.
    disclosure: grids matched to the national template of 政府信息公开工作年度报告.
"""
