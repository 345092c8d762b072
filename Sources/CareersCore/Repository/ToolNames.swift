/// One name per tool: "Tensorflow"/"tensorflow" → "TensorFlow", "sklearn"/"scikit learn" →
/// "Scikit-learn", "Spark"/"Apache Spark" → one tool. The key ignores case, spaces and punctuation,
/// a vendor prefix and the field's abbreviations; the displayed spelling is the official one where
/// known, else the most used.
enum ToolNames {
    private static let vendorPrefixes = ["apache", "amazon"]

    /// Spellings that are not derivable by rule.
    private static let synonyms: [String: String] = [
        "sklearn": "scikitlearn", "scikit": "scikitlearn", "postgres": "postgresql", "k8s": "kubernetes",
        "jupyter": "jupyternotebook", "jupyternotebooks": "jupyternotebook", "jupyterlab": "jupyternotebook",
        "googlecloudplatform": "googlecloud", "gcp": "googlecloud", "amazonwebservices": "aws",
        "tf": "tensorflow", "huggingface": "huggingfacetransformers", "msexcel": "excel", "microsoftexcel": "excel",
    ]

    /// Official spellings, by key.
    private static let official: [String: String] = [
        "tensorflow": "TensorFlow", "pytorch": "PyTorch", "scikitlearn": "Scikit-learn", "numpy": "NumPy",
        "pandas": "Pandas", "keras": "Keras", "matplotlib": "Matplotlib", "seaborn": "Seaborn", "opencv": "OpenCV",
        "mlflow": "MLflow", "github": "GitHub", "gitlab": "GitLab", "git": "Git", "postgresql": "PostgreSQL",
        "mysql": "MySQL", "mongodb": "MongoDB", "latex": "LaTeX", "javascript": "JavaScript", "typescript": "TypeScript",
        "spark": "Apache Spark", "kafka": "Apache Kafka", "hadoop": "Hadoop", "nifi": "Apache NiFi", "airflow": "Apache Airflow",
        "redshift": "Amazon Redshift", "jupyternotebook": "Jupyter Notebook", "tensorboard": "TensorBoard",
        "xgboost": "XGBoost", "lightgbm": "LightGBM", "googlecloud": "Google Cloud", "aws": "AWS", "sql": "SQL",
        "nosql": "NoSQL", "powerbi": "Power BI", "bigquery": "BigQuery", "dbt": "dbt", "c++": "C++", "r": "R",
        "huggingfacetransformers": "Hugging Face Transformers", "kubernetes": "Kubernetes", "docker": "Docker",
    ]

    static func key(_ name: String) -> String {
        var words = RoleNames.expand(TextKey.fold(name).split(separator: " ").map(String.init))
        if words.count > 1, let first = words.first, vendorPrefixes.contains(first) { words.removeFirst() }
        let compact = words.joined()
        return synonyms[compact] ?? compact
    }

    /// The spelling to show for one key, from the spellings seen with how often each was seen.
    static func display(key: String, spellings: [String: Int]) -> String {
        if let name = official[key] { return name }
        return spellings.max { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value < rhs.value }
            if lhs.key.count != rhs.key.count { return lhs.key.count < rhs.key.count }
            let lhsUpper = lhs.key.filter(\.isUppercase).count
            let rhsUpper = rhs.key.filter(\.isUppercase).count
            if lhsUpper != rhsUpper { return lhsUpper < rhsUpper }
            return lhs.key > rhs.key
        }?.key ?? key
    }
}
