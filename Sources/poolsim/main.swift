import PoolSimCLI

PoolSimCommand.main()
