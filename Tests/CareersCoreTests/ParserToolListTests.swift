import CareersCore
import Testing

/// Tool bullets name each tool, with its category when the line gives one (`ToolList`).
@Suite struct ParserToolListTests {
    /// phrase-like tool bullets and dash categories.
    @Test func toolPhrasesKeepTheirTools() throws {
        let body = """
            Tools

            Data Scientist

            - SQL databases such as PostgreSQL and Snowflake

            - Great Expectations for data validation

            - Python (pandas, PySpark) and dbt

            Data Engineer

            - Frameworks – Spark, Flink

            - Notebooks - Jupyter, Colab
            """
        let article = try parseArticle(sampleArticle(body: body))
        let scientist = article.profile("Data Scientist")?.tools.map { [$0.name, $0.category ?? "-"] }
        #expect(scientist == [
            ["PostgreSQL", "SQL databases"], ["Snowflake", "SQL databases"], ["Great Expectations", "Data validation"],
            ["Python", "-"], ["pandas", "-"], ["PySpark", "-"], ["dbt", "-"],
        ])
        let engineer = article.profile("Data Engineer")?.tools.map { [$0.name, $0.category ?? "-"] }
        #expect(engineer == [["Spark", "Frameworks"], ["Flink", "Frameworks"], ["Jupyter", "Notebooks"], ["Colab", "Notebooks"]])
    }

    /// "Tool: description" and "Tool – description" bullets name the tool, without a category.
    @Test func toolWithDescription() throws {
        let tools = try ParserFixtures.toolsByRole("""
            - Excel: The go-to tool for quick analyses and pivot tables.
            - Tableau: Used to build interactive dashboards.
            - SQL: For querying relational databases.
            - Weights & Biases – for experiment tracking
            - Frameworks: PyTorch, JAX.
            - Version control: essential for working in a team.
            - Visualization: dashboards for every team.
            - Jupyter Notebook: For interactive experimentation.
            - Python: The main language, with libraries like pandas and scikit-learn.
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == [
            "Excel", "Tableau", "SQL", "Weights & Biases", "PyTorch", "JAX", "Jupyter Notebook", "Python", "pandas", "scikit-learn",
        ])
        #expect(scientist.map(\.category) == [nil, nil, nil, nil, "Frameworks", "Frameworks", nil, nil, nil, nil])
        #expect(tools["Data Engineer"]?.map(\.name) == ["Airflow"])
    }

    /// a list that ends in "etc." or "and more" still names its tools.
    @Test func listEndingInEtcOrMore() throws {
        let tools = try ParserFixtures.toolsByRole("""
            - CAD: SolidWorks, Fusion 360, etc.
            - Frameworks: PyTorch, JAX, and more.
            - Google Sheets, R, Python, etc.
            - Visualization – Tableau, Looker, and others
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == ["SolidWorks", "Fusion 360", "PyTorch", "JAX", "Google Sheets", "R", "Python", "Tableau", "Looker"])
        #expect(scientist.map(\.category) == ["CAD", "CAD", "Frameworks", "Frameworks", nil, nil, nil, "Visualization", "Visualization"])
    }

    /// "a or b" with long names, "a / b / c" and "A/B" name each tool; "CI/CD" stays whole.
    @Test func toolsSeparatedByOrAndSlashes() throws {
        let tools = try ParserFixtures.toolsByRole("""
            - SQL Server Management Studio or Azure Data Studio
            - Notebooks: Jupyter / Databricks / Colab
            - Frameworks: PyTorch/TensorFlow, Detectron2.
            - Pipelines: CI/CD, PL/SQL.
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == [
            "SQL Server Management Studio", "Azure Data Studio", "Jupyter", "Databricks", "Colab", "PyTorch", "TensorFlow", "Detectron2",
            "CI/CD", "PL/SQL",
        ])
        #expect(scientist.map(\.category) == [nil, nil, "Notebooks", "Notebooks", "Notebooks", "Frameworks", "Frameworks", "Frameworks", "Pipelines", "Pipelines"])
    }

    /// one tool in parentheses after another is a tool too, as lists in parentheses already
    /// were; a qualifier, a kind or a version in parentheses is not.
    @Test func singleToolInParentheses() throws {
        let tools = try ParserFixtures.toolsByRole("""
            - Libraries: NumPy (with SciPy), R (tidyverse), GCP (BigQuery).
            - Excel (advanced), Python (programming language), Java (17).
            - AWS (S3, Redshift)
            """)
        let scientist = try #require(tools["Data Scientist"])
        #expect(scientist.map(\.name) == [
            "NumPy", "SciPy", "R", "tidyverse", "GCP", "BigQuery", "Excel", "Python", "Java", "AWS", "S3", "Redshift",
        ])
    }

    /// " for " inside a tool's name ("Copilot for Microsoft 365") is no "tool for purpose"
    /// phrase when a capitalised name follows it; the line keeps every tool and its category.
    @Test(arguments: [
        ("Documentation: Model Cards, Datasheets for Datasets.", [["Model Cards", "Documentation"], ["Datasheets for Datasets", "Documentation"]]),
        ("Documentation: Model Cards and Datasheets for Datasets.", [["Model Cards", "Documentation"], ["Datasheets for Datasets", "Documentation"]]),
        ("Productivity: Copilot for Microsoft 365, Slack.", [["Copilot for Microsoft 365", "Productivity"], ["Slack", "Productivity"]]),
        ("Copilot for Microsoft 365, Notion, or Slack", [["Copilot for Microsoft 365", nil], ["Notion", nil], ["Slack", nil]]),
        ("Datasheets for Datasets or Model Cards", [["Datasheets for Datasets", nil], ["Model Cards", nil]]),
        // A purpose after "for" is still the category.
        ("Great Expectations for data validation", [["Great Expectations", "Data validation"]]),
    ] as [(String, [[String?]])])
    func toolNameWithFor(line: String, expected: [[String?]]) throws {
        #expect(try ParserFixtures.dataScientistTools(line) == expected)
    }

    /// in a list under a category, "and" inside an item before the last is part of a name
    /// ("Weights and Biases"); in the last item it still joins two tools.
    @Test(arguments: [
        ("Experiment Tracking: Weights and Biases, Neptune.", [["Weights and Biases", "Experiment Tracking"], ["Neptune", "Experiment Tracking"]]),
        ("Tracking: MLflow, Weights and Biases, Neptune and Comet.",
         [["MLflow", "Tracking"], ["Weights and Biases", "Tracking"], ["Neptune", "Tracking"], ["Comet", "Tracking"]]),
        ("Languages: Python, R and SQL.", [["Python", "Languages"], ["R", "Languages"], ["SQL", "Languages"]]),
    ] as [(String, [[String?]])])
    func andInsideAToolName(line: String, expected: [[String?]]) throws {
        #expect(try ParserFixtures.dataScientistTools(line) == expected)
    }
}
