# Messages: dialogs
