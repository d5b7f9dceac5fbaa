"""The Streamlit app: a client of the argmap core, like the CLI. Only this package imports streamlit."""
