/// The version of PoolSim, recorded in every results document.
public enum PoolSimVersion {
    public static let string = "0.2.0"
}
