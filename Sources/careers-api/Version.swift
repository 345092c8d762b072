/// The version `careers-api --version` prints and `GET /` reports: one constant for both.
enum CareersVersion {
    static let current = "1.0.0"
}
