print("genesys-summary")
