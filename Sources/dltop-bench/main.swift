import DLTopEngine

print(BLAS.configuration)
